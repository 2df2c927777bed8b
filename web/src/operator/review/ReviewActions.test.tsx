import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ReviewActions } from "./ReviewActions";

function setup(status = "pending", onAct = vi.fn().mockResolvedValue(undefined)) {
  render(<ReviewActions status={status} title="How credit utilization works" onAct={onAct} />);
  return onAct;
}

describe("ReviewActions", () => {
  it("approves without a reason", async () => {
    const onAct = setup();
    await userEvent.click(screen.getByRole("button", { name: "Approve" }));
    expect(onAct).toHaveBeenCalledWith("approve", "", undefined);
  });

  it.each(["Flag", "Reject"])("asks for a reason before %s", async (name) => {
    const onAct = setup();
    await userEvent.click(screen.getByRole("button", { name }));
    expect(onAct).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent("Write a reason");
  });

  it("sends the trimmed reason with a flag", async () => {
    const onAct = setup();
    await userEvent.type(screen.getByLabelText("Reason"), "  check the offer's income floor ");
    await userEvent.click(screen.getByRole("button", { name: "Flag" }));
    expect(onAct).toHaveBeenCalledWith("flag", "check the offer's income floor", undefined);
  });

  it("overrides with a named replacement item", async () => {
    const onAct = setup();
    await userEvent.type(screen.getByLabelText("Reason"), "a payoff guide fits better");
    await userEvent.click(screen.getByRole("button", { name: "Override…" }));
    await userEvent.click(screen.getByRole("button", { name: "Override with this item" }));
    expect(onAct).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText("Replacement catalog item id"), "edu_debt_avalanche{Enter}");
    expect(onAct).toHaveBeenCalledWith("override", "a payoff guide fits better", "edu_debt_avalanche");
  });

  it("offers only the actions the status allows", () => {
    setup("flagged");
    expect(screen.queryByRole("button", { name: "Flag" })).toBeNull();
    expect(screen.getByRole("button", { name: "Approve" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Reject" })).toBeInTheDocument();
  });

  it("shows the server's refusal", async () => {
    setup("pending", vi.fn().mockRejectedValue(new Error("cannot approve: the user has not granted consent")));
    await userEvent.click(screen.getByRole("button", { name: "Approve" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("has not granted consent");
  });
});
