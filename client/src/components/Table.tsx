import type { ReactNode } from 'react';

interface TableProps {
  /** Column headings, in order. */
  columns: ReactNode[];
  className?: string;
  /** Read by screen readers only. */
  caption?: string;
  /** The rows (`<tr>`s). */
  children: ReactNode;
}

/** A data table that scrolls sideways on narrow screens instead of widening the page. */
export function Table({ columns, className = 'table', caption, children }: TableProps) {
  return (
    <div className="table-scroll">
      <table className={className}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col">{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
