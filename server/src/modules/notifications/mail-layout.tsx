// The HTML layout of every mail (react-email): one accessible page with the heading, the texts,
// the digest's links and the action link. Imported by `renderMail` on the first mail only, so the
// server does not load react-email and React at start (decision 074).
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import { render } from '@react-email/render';

/**
 * One mail as the layout shows it: every text already in the recipient's language and free of
 * case content (built by `templates.tsx` from the pool reference, the link and the typed
 * parameters only, docs/design.md §6).
 */
export interface MailView {
  language: 'nl' | 'en';
  /** The subject, also the HTML title. */
  subject: string;
  /** The inbox preview line. */
  preview: string;
  heading: string;
  greeting: string;
  body: string;
  /** A digest's notifications (label and absolute link), or null for any other mail. */
  items: { label: string; link: string }[] | null;
  /** The action link's text and its absolute address. */
  action: string;
  link: string;
  footer: string;
  preferences: string;
  sender: string;
}

const colors = { text: '#1a1a1a', muted: '#4b4b4b', link: '#00457a', border: '#d0d0d0' };

function NotificationMail({ view }: { view: MailView }) {
  return (
    <Html lang={view.language} dir="ltr">
      <Head>
        <title>{view.subject}</title>
      </Head>
      <Preview>{view.preview}</Preview>
      <Body style={{ backgroundColor: '#ffffff', color: colors.text, fontFamily: 'Arial, Helvetica, sans-serif', fontSize: '16px', lineHeight: '1.5' }}>
        <Container style={{ maxWidth: '600px', padding: '24px' }}>
          <Heading as="h1" style={{ fontSize: '22px', margin: '0 0 16px' }}>
            {view.heading}
          </Heading>
          <Text>{view.greeting}</Text>
          <Text>{view.body}</Text>
          {view.items ? (
            <Section>
              <ul>
                {view.items.map((item) => (
                  <li key={`${item.label}-${item.link}`}>
                    <Link href={item.link} style={{ color: colors.link, textDecoration: 'underline' }}>
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          <Text>
            <Link href={view.link} style={{ color: colors.link, textDecoration: 'underline', fontWeight: 'bold' }}>
              {view.action}
            </Link>
          </Text>
          <Hr style={{ borderColor: colors.border, margin: '24px 0' }} />
          <Text style={{ color: colors.muted, fontSize: '14px' }}>{view.footer}</Text>
          <Text style={{ color: colors.muted, fontSize: '14px' }}>{view.preferences}</Text>
          <Text style={{ color: colors.muted, fontSize: '14px' }}>{view.sender}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** The accessible HTML of one mail (a complete document). */
export function renderMailHtml(view: MailView): Promise<string> {
  return render(<NotificationMail view={view} />);
}
