import { useTranslation } from 'react-i18next';

/**
 * A chart's data as a table behind a disclosure: what screen readers and keyboards read, and anyone
 * who wants the numbers.
 */
export function ChartTable({
  labelHeading,
  rows,
}: {
  labelHeading: string;
  rows: readonly { label: string; value: string }[];
}) {
  const { t } = useTranslation();
  return (
    <details>
      <summary>{t('charts.showTable')}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{labelHeading}</th>
            <th scope="col">{t('charts.value')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
