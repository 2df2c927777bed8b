import { NavLink } from "react-router";

export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

/** A row of section links; scrolls sideways on a phone instead of wrapping. */
export function SubNav({ items, label }: { items: NavItem[]; label: string }) {
  return (
    <nav className="subnav" aria-label={label}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end ?? false}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
