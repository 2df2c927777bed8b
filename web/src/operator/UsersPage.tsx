import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { getUsers } from "../api/operator";
import type { Window } from "../api/types";
import { useQuery } from "../api/useQuery";
import { Pager } from "../components/Pager";
import { QueryView } from "../components/QueryView";
import { PERSONAS, personaName } from "../lib/personas";

const PAGE = 20;

export default function UsersPage() {
  const navigate = useNavigate();
  const [persona, setPersona] = useState("");
  const [window, setWindow] = useState<Window>("30d");
  const [offset, setOffset] = useState(0);
  const [lookup, setLookup] = useState("");
  const query = useQuery(
    () => getUsers({ persona: persona || undefined, window, limit: PAGE, offset }),
    `users:${persona}:${window}:${offset}`,
  );

  const open = (event: FormEvent) => {
    event.preventDefault();
    if (lookup.trim()) navigate(`/operator/users/${encodeURIComponent(lookup.trim())}`);
  };

  return (
    <>
      <div className="page-title">
        <h1>Customers</h1>
      </div>
      <div className="panel toolbar">
        <form className="field" onSubmit={open} role="search" aria-label="Open a customer">
          <label htmlFor="user-lookup">Customer ID</label>
          <div className="button-row">
            <input
              id="user-lookup"
              value={lookup}
              placeholder="e.g. user_0001"
              onChange={(e) => setLookup(e.target.value)}
            />
            <button type="submit">Open</button>
          </div>
        </form>
        <div className="field">
          <label htmlFor="user-persona">Persona</label>
          <select
            id="user-persona"
            value={persona}
            onChange={(e) => {
              setPersona(e.target.value);
              setOffset(0);
            }}
          >
            <option value="">Any</option>
            {Object.entries(PERSONAS).map(([id, info]) => (
              <option key={id} value={id}>
                {info.name}
              </option>
            ))}
            <option value="none">No persona</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="user-window">Persona over</label>
          <select id="user-window" value={window} onChange={(e) => setWindow(e.target.value as Window)}>
            <option value="30d">30 days</option>
            <option value="180d">180 days</option>
          </select>
        </div>
      </div>
      <div className="panel">
        <QueryView query={query} label="customers">
          {(page) => (
            <>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>Customer</th>
                      <th>Consent</th>
                      <th>Persona, 30 days</th>
                      <th className="hide-phone">Persona, 180 days</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((u) => (
                      <tr key={u.user_id}>
                        <td>
                          <Link to={`/operator/users/${encodeURIComponent(u.user_id)}`}>{u.name}</Link>
                          <div className="subtle">{u.user_id}</div>
                        </td>
                        <td>
                          <span className={`badge ${u.consent_granted ? "badge-good" : ""}`}>
                            {u.consent_granted ? "granted" : "not granted"}
                          </span>
                        </td>
                        <td>{personaName(u.persona_30d)}</td>
                        <td className="hide-phone">{personaName(u.persona_180d)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {page.items.length === 0 && <p className="empty">No customers match.</p>}
              <Pager total={page.total} limit={page.limit} offset={page.offset} onChange={setOffset} noun="customers" />
            </>
          )}
        </QueryView>
      </div>
    </>
  );
}
