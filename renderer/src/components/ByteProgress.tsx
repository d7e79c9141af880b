import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../i18n/format.js';

interface Props {
  label: string;
  bytes: number;
  total: number;
}

const mb = (n: number) =>
  formatNumber(n / 1024 / 1024, {
    style: 'unit',
    unit: 'megabyte',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });

/** A native progress bar (announced by screen readers) with percent and bytes beside it. */
export function ByteProgress({ label, bytes, total }: Props) {
  const { t } = useTranslation();
  const percent = total > 0 ? Math.round((bytes / total) * 100) : 0;
  return (
    <div className="byte-progress">
      <label>
        {label}
        <progress max={100} value={percent} aria-valuetext={formatPercent(percent)} />
      </label>
      <span className="byte-progress-figures">
        {t('packImport.figures', {
          percent: formatPercent(percent),
          bytes: mb(bytes),
          total: mb(total),
        })}
      </span>
    </div>
  );
}
