import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { sendFeedback } from "../../api/customer";
import type { RecommendationView } from "../../api/types";
import { RecommendationCard } from "./RecommendationCard";

vi.mock("../../api/customer", () => ({ sendFeedback: vi.fn() }));
const send = vi.mocked(sendFeedback);

const DISCLOSURE =
  "This is educational content, not financial advice. Consult a licensed advisor for personalized guidance.";
const item: RecommendationView = {
  id: "rec1",
  window: "30d",
  kind: "education",
  item_id: "edu_credit_utilization",
  title: "How credit utilization works",
  status: "approved",
  rationale: "We noticed your Visa ending in 4523 is at 68% utilization ($3,400 of a $5,000 limit).",
  disclosure: DISCLOSURE,
  cited_signals: ["max_utilization"],
  origin: "pipeline",
  replaces_id: null,
  as_of: "2025-01-31",
};

describe("RecommendationCard", () => {
  beforeEach(() => {
    send.mockReset();
  });

  it("shows the title, the because and the disclosure", () => {
    render(<RecommendationCard merged={{ primary: item, others: [], ids: ["rec1"] }} onDismissed={vi.fn()} />);
    expect(screen.getByRole("article", { name: item.title })).toBeInTheDocument();
    expect(screen.getByText(item.rationale)).toBeInTheDocument();
    expect(screen.getByText(DISCLOSURE)).toBeInTheDocument();
  });

  it("shows the other window's reason and sends feedback for both", async () => {
    send.mockResolvedValue({
      id: 3,
      recommendation_id: "rec1",
      kind: "helpful",
      comment: null,
      at: "2025-01-31T00:00:00Z",
    });
    const longer = { ...item, id: "rec2", window: "180d", rationale: "Over six months your card averaged 61%." };
    render(
      <RecommendationCard merged={{ primary: item, others: [longer], ids: ["rec1", "rec2"] }} onDismissed={vi.fn()} />,
    );
    expect(screen.getByText("Last 6 months: Over six months your card averaged 61%.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Helpful" }));
    expect(send).toHaveBeenCalledWith("rec1", "helpful");
    expect(send).toHaveBeenCalledWith("rec2", "helpful");
  });

  it("records helpful feedback and marks the pressed button", async () => {
    send.mockResolvedValue({
      id: 1,
      recommendation_id: "rec1",
      kind: "helpful",
      comment: null,
      at: "2025-01-31T00:00:00Z",
    });
    render(<RecommendationCard merged={{ primary: item, others: [], ids: ["rec1"] }} onDismissed={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "Helpful" }));
    expect(send).toHaveBeenCalledWith("rec1", "helpful");
    expect(screen.getByRole("button", { name: "Helpful" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("status")).toHaveTextContent("Thanks");
  });

  it("tells the list when the customer hides an item", async () => {
    send.mockResolvedValue({
      id: 2,
      recommendation_id: "rec1",
      kind: "dismissed",
      comment: null,
      at: "2025-01-31T00:00:00Z",
    });
    const onDismissed = vi.fn();
    render(<RecommendationCard merged={{ primary: item, others: [], ids: ["rec1"] }} onDismissed={onDismissed} />);
    await userEvent.click(screen.getByRole("button", { name: "Hide this" }));
    expect(send).toHaveBeenCalledWith("rec1", "dismissed");
    expect(onDismissed).toHaveBeenCalledOnce();
  });

  it("says so when feedback could not be saved", async () => {
    send.mockImplementation(async () => {
      throw new Error("the server is busy");
    });
    render(<RecommendationCard merged={{ primary: item, others: [], ids: ["rec1"] }} onDismissed={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "Not helpful" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("the server is busy");
    expect(screen.getByRole("button", { name: "Not helpful" })).toHaveAttribute("aria-pressed", "false");
  });
});
