import { useTranslation } from 'react-i18next';
import { IntroPage } from '../../components/page-heading.tsx';
import { BudgetOverview } from '../../features/budgets/components/budget-overview.tsx';

/** “Budget” for coordinator and finance (loaded on demand with the chart library). */
export function BudgetPage() {
  const { t } = useTranslation();
  return (
    <IntroPage title={t('budget.title')} intro={t('budget.intro')}>
      <BudgetOverview />
    </IntroPage>
  );
}
