import { Outlet } from "react-router";
import { SubNav } from "../components/SubNav";

export default function OperatorShell() {
  return (
    <>
      <SubNav
        label="Operator console"
        items={[
          { to: "/operator/review", label: "Review queue" },
          { to: "/operator/users", label: "Customers" },
          { to: "/operator/audit", label: "Audit log" },
          { to: "/operator/evaluation", label: "Evaluation" },
        ]}
      />
      <Outlet />
    </>
  );
}
