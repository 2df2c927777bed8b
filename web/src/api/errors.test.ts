import { describe, expect, it } from "vitest";
import { ApiError, classifyError } from "./errors";

describe("classifyError", () => {
  it.each([
    [401, "not_authenticated", "signed_out"],
    [403, "consent_required", "consent_required"],
    [403, "forbidden", "forbidden"],
    [404, "not_found", "not_found"],
    [422, "invalid_input", "invalid"],
    [409, "invalid_transition", "invalid"],
    [500, "internal", "server"],
  ])("%i %s -> %s", (status, code, kind) => {
    expect(classifyError(new ApiError(status, { error: code, detail: "x" }))).toBe(kind);
  });

  it("calls anything that is not an API answer offline", () => {
    expect(classifyError(new TypeError("Failed to fetch"))).toBe("offline");
  });
});

describe("ApiError", () => {
  it("carries the detail, the code and the bad fields", () => {
    const error = new ApiError(422, {
      error: "invalid_input",
      detail: "the request is not valid",
      fields: [{ path: "body.password", message: "too short" }],
    });
    expect(error.message).toBe("the request is not valid");
    expect(error.code).toBe("invalid_input");
    expect(error.describe()).toBe("the request is not valid (body.password: too short)");
  });

  it("says the status when the body has no detail", () => {
    expect(new ApiError(502, undefined).message).toBe("The server answered 502.");
  });
});
