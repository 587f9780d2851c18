import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';
import { BudgetOverview } from '../../features/budgets/components/budget-overview.tsx';

/** “Budget” for coordinator and finance (loaded on demand with the chart library). */
export function BudgetPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('budget.title')}</PageHeading>
      <Paragraph>{t('budget.intro')}</Paragraph>
      <BudgetOverview />
    </>
  );
}
