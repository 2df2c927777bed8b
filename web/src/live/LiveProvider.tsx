import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { liveUrl } from "../api/client";
import { parseLiveEvent, type LiveEvent } from "./events";

export type LiveStatus = "connecting" | "live" | "offline";
type Listener = (event: LiveEvent) => void;

interface LiveValue {
  status: LiveStatus;
  subscribe: (listener: Listener) => () => void;
}

const LiveContext = createContext<LiveValue>({ status: "offline", subscribe: () => () => undefined });

const MAX_BACKOFF_MS = 15_000;

/** One WebSocket per signed-in tab; reconnects with backoff; listeners get parsed events. */
export function LiveProvider({ token, children }: { token: string; children: ReactNode }) {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    let socket: WebSocket | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let closed = false;

    const connect = () => {
      setStatus("connecting");
      socket = new WebSocket(liveUrl(token));
      socket.onopen = () => {
        attempts = 0;
        setStatus("live");
      };
      socket.onmessage = (message: MessageEvent<unknown>) => {
        const event = typeof message.data === "string" ? parseLiveEvent(message.data) : null;
        if (event) listeners.current.forEach((listener) => listener(event));
      };
      socket.onclose = () => {
        if (closed) return;
        setStatus("offline");
        attempts += 1;
        timer = setTimeout(connect, Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempts));
      };
    };
    connect();
    return () => {
      closed = true;
      clearTimeout(timer);
      socket?.close();
    };
  }, [token]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const value = useMemo(() => ({ status, subscribe }), [status, subscribe]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLiveStatus(): LiveStatus {
  return useContext(LiveContext).status;
}

/** Call `onEvent` for every live event (the latest callback, without resubscribing). */
export function useLiveEvents(onEvent: Listener): void {
  const { subscribe } = useContext(LiveContext);
  const latest = useRef(onEvent);
  useLayoutEffect(() => {
    latest.current = onEvent;
  });
  useEffect(() => subscribe((event) => latest.current(event)), [subscribe]);
}
