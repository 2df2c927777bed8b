import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { MemoryRouter, Route, Routes } from "react-router";
import { login } from "../api/auth";
import { ApiError } from "../api/errors";
import { customer, operator, WhereAmI } from "../test/render";
import { AuthProvider } from "./AuthContext";
import { LoginPage } from "./LoginPage";

vi.mock("../api/auth", () => ({ login: vi.fn() }));
const mockedLogin = vi.mocked(login);

function renderLogin(state?: object) {
  render(
    <MemoryRouter initialEntries={[{ pathname: "/login", state }]}>
      <AuthProvider initial={null}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="*" element={<WhereAmI />} />
        </Routes>
      </AuthProvider>
    </MemoryRouter>,
  );
}

describe("LoginPage", () => {
  beforeEach(() => {
    mockedLogin.mockReset();
  });

  it("signs a customer in and opens their overview", async () => {
    mockedLogin.mockResolvedValue(customer);
    renderLogin();
    await userEvent.type(screen.getByLabelText("Customer ID"), "user_0001");
    await userEvent.type(screen.getByLabelText("Password"), "a long passphrase{Enter}");
    expect(mockedLogin).toHaveBeenCalledWith("user_0001", "a long passphrase", "customer");
    expect(await screen.findByTestId("location")).toHaveTextContent("/customers/user_0001");
  });

  it("signs an operator in to the review queue", async () => {
    mockedLogin.mockResolvedValue(operator);
    renderLogin();
    await userEvent.click(screen.getByLabelText("An operator"));
    await userEvent.type(screen.getByLabelText("Operator name"), "ops");
    await userEvent.type(screen.getByLabelText("Password"), "another passphrase");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(mockedLogin).toHaveBeenCalledWith("ops", "another passphrase", "operator");
    expect(await screen.findByTestId("location")).toHaveTextContent("/operator/review");
  });

  it("returns to the page the expired session was on", async () => {
    mockedLogin.mockResolvedValue(customer);
    renderLogin({ from: "/customers/user_0001/transactions", expired: true });
    expect(screen.getByRole("status")).toHaveTextContent("Your session ended");
    await userEvent.type(screen.getByLabelText("Customer ID"), "user_0001");
    await userEvent.type(screen.getByLabelText("Password"), "a long passphrase{Enter}");
    expect(await screen.findByTestId("location")).toHaveTextContent("/customers/user_0001/transactions");
  });

  it("shows the server's answer to a wrong password", async () => {
    mockedLogin.mockRejectedValue(
      new ApiError(401, { error: "invalid_credentials", detail: "the name or the password is not right" }),
    );
    renderLogin();
    await userEvent.type(screen.getByLabelText("Customer ID"), "user_0001");
    await userEvent.type(screen.getByLabelText("Password"), "wrong one{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("the name or the password is not right");
    expect(screen.getByRole("button", { name: "Sign in" })).toBeEnabled();
  });
});
