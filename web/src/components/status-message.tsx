import { Alert, Paragraph } from '@utrecht/component-library-react';

/**
 * A success message in a live region that is always present (role="status"), so screen readers
 * announce it when it appears. Renders an empty region without a message.
 */
export function StatusMessage({ message }: { message: string | null | undefined }) {
  return (
    <div role="status" className="dsp-status-region">
      {message ? (
        <Alert type="ok" role="presentation">
          <Paragraph>{message}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}
