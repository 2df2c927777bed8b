import { Navigate, Outlet, useLocation, useParams } from "react-router";
import { SubNav } from "../components/SubNav";
import { ConsentProvider } from "./consent/ConsentContext";

/** The customer's pages: one section menu, and nothing but the consent page until they opt in. */
export function CustomerShell() {
  const { userId = "" } = useParams();
  const location = useLocation();
  const base = `/customers/${encodeURIComponent(userId)}`;
  const consentPath = `${base}/consent`;
  return (
    <>
      <SubNav
        label="Your money"
        items={[
          { to: base, label: "Overview", end: true },
          { to: `${base}/insights`, label: "Insights" },
          { to: `${base}/recommendations`, label: "For you" },
          { to: `${base}/transactions`, label: "Transactions" },
          { to: consentPath, label: "Privacy & consent" },
        ]}
      />
      <ConsentProvider userId={userId}>
        {(consent) =>
          consent.granted || location.pathname === consentPath ? (
            <Outlet />
          ) : (
            <Navigate to={consentPath} replace state={{ required: true, from: location.pathname }} />
          )
        }
      </ConsentProvider>
    </>
  );
}
