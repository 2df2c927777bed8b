import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/errors";
import { customer, operator, renderWithApp } from "../test/render";
import { ErrorPanel } from "./ErrorPanel";

const error = (status: number, code: string) => new ApiError(status, { error: code, detail: `${code} detail` });

describe("ErrorPanel", () => {
  it("sends an expired session to the login page and forgets it", () => {
    sessionStorage.setItem("spendsense.session", JSON.stringify(customer));
    renderWithApp(<ErrorPanel error={error(401, "not_authenticated")} />, {
      path: "/customers/user_0001",
      route: "/customers/:userId",
    });
    expect(screen.getByTestId("location")).toHaveTextContent("/login");
    expect(sessionStorage.getItem("spendsense.session")).toBeNull();
  });

  it("sends a customer without consent to the consent prompt", () => {
    renderWithApp(<ErrorPanel error={error(403, "consent_required")} userId="user_0001" />, {
      path: "/customers/user_0001/insights",
      route: "/customers/:userId/insights",
    });
    expect(screen.getByTestId("location")).toHaveTextContent("/customers/user_0001/consent");
  });

  it("explains a missing consent to an operator instead of redirecting", () => {
    renderWithApp(<ErrorPanel error={error(403, "consent_required")} userId="user_0002" />, { session: operator });
    expect(screen.getByRole("alert")).toHaveTextContent("has not opted in");
  });

  it("refuses another customer's page without showing its data", () => {
    renderWithApp(<ErrorPanel error={error(403, "forbidden")} userId="user_0002" />);
    expect(screen.getByRole("heading")).toHaveTextContent("This page is not available to you");
    expect(screen.queryByTestId("location")).toBeNull();
  });

  it("offers a retry for a server error", async () => {
    const retry = vi.fn();
    renderWithApp(<ErrorPanel error={error(500, "internal")} onRetry={retry} />);
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it("offers no retry where retrying cannot help", () => {
    renderWithApp(<ErrorPanel error={error(404, "not_found")} onRetry={vi.fn()} />);
    expect(screen.getByRole("alert")).toHaveTextContent("not_found detail");
    expect(screen.queryByRole("button")).toBeNull();
  });
});
