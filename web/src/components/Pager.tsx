interface Props {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
  noun: string;
}

/** "51–100 of 432 transactions", with previous / next. */
export function Pager({ total, limit, offset, onChange, noun }: Props) {
  if (total === 0) return null;
  const first = offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={`${noun} pages`}>
      <span aria-live="polite">
        {first}–{last} of {total} {noun}
      </span>
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        Previous
      </button>
      <button type="button" disabled={last >= total} onClick={() => onChange(offset + limit)}>
        Next
      </button>
    </nav>
  );
}
