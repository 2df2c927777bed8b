import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getConsent, grantConsent } from "../api/customer";
import type { ConsentView } from "../api/types";
import { AuthProvider } from "../auth/AuthContext";
import { customer } from "../test/render";
import ConsentPage from "./consent/ConsentPage";
import { CustomerShell } from "./CustomerShell";

vi.mock("../api/customer", () => ({ getConsent: vi.fn(), grantConsent: vi.fn(), revokeConsent: vi.fn() }));

const view = (granted: boolean): ConsentView => ({
  user_id: "user_0001",
  granted,
  source: granted ? "api" : null,
  updated_at: granted ? "2025-01-31T12:00:00Z" : null,
  history: granted
    ? [{ at: "2025-01-31T12:00:00Z", action: "grant", source: "api", actor: "customer:user_0001", note: null }]
    : [],
});

function renderAt(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <AuthProvider initial={customer}>
        <Routes>
          <Route path="/customers/:userId" element={<CustomerShell />}>
            <Route index element={<p>overview page</p>} />
            <Route path="insights" element={<p>insights page</p>} />
            <Route path="consent" element={<ConsentPage />} />
          </Route>
        </Routes>
      </AuthProvider>
    </MemoryRouter>,
  );
}

describe("CustomerShell", () => {
  beforeEach(() => {
    vi.mocked(getConsent).mockReset();
    vi.mocked(grantConsent).mockReset();
  });

  it("shows the page once the customer has opted in", async () => {
    vi.mocked(getConsent).mockResolvedValue(view(true));
    renderAt("/customers/user_0001/insights");
    expect(await screen.findByText("insights page")).toBeInTheDocument();
  });

  it("leads a customer without consent to the consent prompt instead of the page", async () => {
    vi.mocked(getConsent).mockResolvedValue(view(false));
    renderAt("/customers/user_0001/insights");
    expect(await screen.findByRole("heading", { name: "You have not opted in" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("needs your consent");
    expect(screen.queryByText("insights page")).toBeNull();
  });

  it("opts in only after the box is ticked, then returns to the page asked for", async () => {
    vi.mocked(getConsent).mockResolvedValue(view(false));
    vi.mocked(grantConsent).mockResolvedValue(view(true));
    renderAt("/customers/user_0001/insights");
    const optIn = await screen.findByRole("button", { name: "Opt in" });
    expect(optIn).toBeDisabled();
    await userEvent.click(screen.getByRole("checkbox"));
    await userEvent.click(optIn);
    expect(grantConsent).toHaveBeenCalledWith("user_0001", "opted in on the web");
    expect(await screen.findByText("insights page")).toBeInTheDocument();
  });
});
