import { IntroPage } from '../../components/page-heading.tsx';
import { SpecialistsTable } from '../../features/specialists/components/specialists-table.tsx';

/** The coordinator's “Specialisten”: the pool with current rates, each linking to its rate history. */
export function SpecialistsPage() {
  return (
    <IntroPage title="specialists.title" intro="specialists.intro">
      <SpecialistsTable />
    </IntroPage>
  );
}
