import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";

export type QueryState<T> = { status: "loading" } | { status: "error"; error: unknown } | { status: "ok"; data: T };

export type Query<T> = QueryState<T> & { reload: () => void };

/**
 * Run `load` when `key` changes (and on reload()); the latest answer wins. `key` names what
 * `load` fetches, so callers pass a fresh closure each render without refetching. A reload
 * keeps the current data on screen, so a live refresh does not flash a spinner; a new key does not.
 */
export function useQuery<T>(load: () => Promise<T>, key: string): Query<T> {
  const [state, setState] = useState<QueryState<T>>({ status: "loading" });
  const [version, setVersion] = useState(0);
  const latestLoad = useRef(load);
  const soft = useRef(false);

  useLayoutEffect(() => {
    latestLoad.current = load;
  });

  useEffect(() => {
    let current = true;
    if (!soft.current) setState({ status: "loading" });
    soft.current = false;
    latestLoad.current().then(
      (data) => current && setState({ status: "ok", data }),
      (error: unknown) => current && setState({ status: "error", error }),
    );
    return () => {
      current = false;
    };
  }, [key, version]);

  const reload = useCallback(() => {
    soft.current = true;
    setVersion((v) => v + 1);
  }, []);
  return { ...state, reload };
}
