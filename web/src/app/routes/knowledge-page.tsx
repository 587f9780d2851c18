import { KNOWLEDGE_PUBLISHER_ROLES } from '@duidingspool/shared';
import { IntroPage } from '../../components/page-heading.tsx';
import { KnowledgeLibrary } from '../../features/knowledge/components/knowledge-library.tsx';
import { PublishKnowledgeForm } from '../../features/knowledge/components/publish-knowledge-form.tsx';
import { hasRole, useMe } from '../../lib/auth.ts';

/** “Kennisbank”: every user searches and downloads; coordinators and specialists also publish. */
export function KnowledgePage() {
  const me = useMe();
  return (
    <IntroPage title="knowledge.title" intro="knowledge.intro">
      <KnowledgeLibrary />
      {hasRole(me.data, ...KNOWLEDGE_PUBLISHER_ROLES) ? <PublishKnowledgeForm /> : null}
    </IntroPage>
  );
}
