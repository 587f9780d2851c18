import { IntroPage } from '../../components/page-heading.tsx';
import { BudgetOverview } from '../../features/budgets/components/budget-overview.tsx';

/** “Budget” for coordinator and finance (loaded on demand with the chart library). */
export function BudgetPage() {
  return (
    <IntroPage title="budget.title" intro="budget.intro">
      <BudgetOverview />
    </IntroPage>
  );
}
