interface Props {
  label: string;
  bytes: number;
  total: number;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A native progress bar (announced by screen readers) with percent and bytes beside it. */
export function ByteProgress({ label, bytes, total }: Props) {
  const percent = total > 0 ? Math.round((bytes / total) * 100) : 0;
  return (
    <div className="byte-progress">
      <label>
        {label}
        <progress max={100} value={percent} aria-valuetext={`${percent}%`} />
      </label>
      <span className="byte-progress-figures">
        {percent}% · {mb(bytes)} of {mb(total)}
      </span>
    </div>
  );
}
