import { IntroPage } from '../../components/page-heading.tsx';
import { MyAssignments } from '../../features/assignments/components/my-assignments.tsx';

/** The specialist's home: “Mijn inzetten”. */
export function AssignmentsPage() {
  return (
    <IntroPage title="assignments.myTitle" intro="assignments.intro">
      <MyAssignments />
    </IntroPage>
  );
}
