import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { BudgetEditor } from "./BudgetEditor";

const lines = [
  { category: "FOOD_AND_DRINK", label: "Food and drink", cents: 40000 },
  { category: "ENTERTAINMENT", label: "Entertainment", cents: null },
  { category: "TRAVEL", label: "Travel", cents: 12550 },
];

describe("BudgetEditor", () => {
  it("starts from the current amounts, one labelled field per category", () => {
    render(<BudgetEditor month="2025-02" lines={lines} onSave={vi.fn()} onCancel={vi.fn()} />);
    expect(screen.getByLabelText("Food and drink ($ per month)")).toHaveValue("400");
    expect(screen.getByLabelText("Entertainment ($ per month)")).toHaveValue("");
    expect(screen.getByLabelText("Travel ($ per month)")).toHaveValue("125.50");
  });

  it("saves cents and leaves out emptied categories", async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    render(<BudgetEditor month="2025-02" lines={lines} onSave={onSave} onCancel={vi.fn()} />);
    await userEvent.type(screen.getByLabelText("Entertainment ($ per month)"), "$1,000.5");
    await userEvent.clear(screen.getByLabelText("Travel ($ per month)"));
    await userEvent.click(screen.getByRole("button", { name: "Save budgets" }));
    expect(onSave).toHaveBeenCalledWith({ FOOD_AND_DRINK: 40000, ENTERTAINMENT: 100050 });
  });

  it("explains a bad amount beside its field and does not save", async () => {
    const onSave = vi.fn();
    render(<BudgetEditor month="2025-02" lines={lines} onSave={onSave} onCancel={vi.fn()} />);
    const field = screen.getByLabelText("Food and drink ($ per month)");
    await userEvent.clear(field);
    await userEvent.type(field, "lots");
    await userEvent.click(screen.getByRole("button", { name: "Save budgets" }));
    expect(onSave).not.toHaveBeenCalled();
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription("Enter an amount in dollars, like 250 or 99.50.");
  });

  it("shows why saving failed and lets the person try again", async () => {
    const onSave = vi.fn().mockRejectedValueOnce(new Error("amounts.TRAVEL: too large"));
    render(<BudgetEditor month="2025-02" lines={lines} onSave={onSave} onCancel={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "Save budgets" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("amounts.TRAVEL: too large");
    expect(screen.getByRole("button", { name: "Save budgets" })).toBeEnabled();
  });
});
