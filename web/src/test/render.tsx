import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { AuthProvider } from "../auth/AuthContext";
import type { Session } from "../auth/session";

export const customer: Session = {
  token: "t-customer",
  role: "customer",
  subject: "user_0001",
  expiresAt: Date.now() + 3_600_000,
};
export const operator: Session = {
  token: "t-operator",
  role: "operator",
  subject: "ops",
  expiresAt: Date.now() + 3_600_000,
};

/** Shows where the router ended up, so a test can assert on redirects. */
export function WhereAmI() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname}</output>;
}

interface Options {
  session?: Session | null;
  path?: string;
  route?: string;
}

/** Render `ui` at `path` (matched by `route`) with a signed-in session; any other path shows WhereAmI. */
export function renderWithApp(ui: ReactElement, { session = customer, path = "/", route = "/" }: Options = {}) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AuthProvider initial={session}>
        <Routes>
          <Route path={route} element={ui} />
          <Route path="*" element={<WhereAmI />} />
        </Routes>
      </AuthProvider>
    </MemoryRouter>,
  );
}
