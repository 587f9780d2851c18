import { IntroPage } from '../../components/page-heading.tsx';
import { useCaseTables } from '../../features/interpretation-requests/api/get-case-tables.ts';
import { CapacityTable } from '../../features/specialists/components/capacity-table.tsx';
import { SpecialistsTable } from '../../features/specialists/components/specialists-table.tsx';
import { StandingSpecialistsPanel } from '../../features/specialists/components/standing-specialists-panel.tsx';

/**
 * The coordinator's “Specialisten”: the pool with current rates, each linking to its rate history,
 * the capacity for the coming eight weeks (decision 100) and the standing specialists per casustafel
 * (decision 101).
 */
export function SpecialistsPage() {
  const caseTables = useCaseTables();
  return (
    <IntroPage title="specialists.title" intro="specialists.intro">
      <SpecialistsTable />
      <CapacityTable />
      <StandingSpecialistsPanel caseTables={caseTables.data?.items ?? []} />
    </IntroPage>
  );
}
