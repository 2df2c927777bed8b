import { lazy, Suspense, type ReactNode } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { AuthProvider, useAuth } from "./auth/AuthContext";
import { LoginPage } from "./auth/LoginPage";
import { RequireAuth, RequireOperator } from "./auth/RequireAuth";
import { homePath } from "./auth/session";
import { CustomerShell } from "./customer/CustomerShell";

// Pages with charts or operator-only code load on first visit, keeping the first paint small.
const OverviewPage = lazy(() => import("./customer/OverviewPage"));
const ConsentPage = lazy(() => import("./customer/consent/ConsentPage"));
const InsightsPage = lazy(() => import("./customer/insights/InsightsPage"));
const RecommendationsPage = lazy(() => import("./customer/recommendations/RecommendationsPage"));
const TransactionsPage = lazy(() => import("./customer/TransactionsPage"));
const ReviewQueuePage = lazy(() => import("./operator/review/ReviewQueuePage"));
const UsersPage = lazy(() => import("./operator/UsersPage"));
const UserDetailPage = lazy(() => import("./operator/user/UserDetailPage"));
const AuditPage = lazy(() => import("./operator/AuditPage"));
const EvaluationPage = lazy(() => import("./operator/evaluation/EvaluationPage"));
const OperatorShell = lazy(() => import("./operator/OperatorShell"));

function Page({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          Loading…
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

function Home() {
  const { session } = useAuth();
  return <Navigate to={session ? homePath(session) : "/login"} replace />;
}

function NotFound() {
  return (
    <div className="panel" role="alert">
      <h2>Nothing here</h2>
      <p>This address does not match any page.</p>
    </div>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<Home />} />
        <Route path="customers/:userId" element={<CustomerShell />}>
          <Route
            index
            element={
              <Page>
                <OverviewPage />
              </Page>
            }
          />
          <Route
            path="consent"
            element={
              <Page>
                <ConsentPage />
              </Page>
            }
          />
          <Route
            path="insights/:section?"
            element={
              <Page>
                <InsightsPage />
              </Page>
            }
          />
          <Route
            path="recommendations"
            element={
              <Page>
                <RecommendationsPage />
              </Page>
            }
          />
          <Route
            path="transactions"
            element={
              <Page>
                <TransactionsPage />
              </Page>
            }
          />
        </Route>
        <Route path="operator" element={<RequireOperator />}>
          <Route
            element={
              <Page>
                <OperatorShell />
              </Page>
            }
          >
            <Route index element={<Navigate to="review" replace />} />
            <Route
              path="review"
              element={
                <Page>
                  <ReviewQueuePage />
                </Page>
              }
            />
            <Route
              path="users"
              element={
                <Page>
                  <UsersPage />
                </Page>
              }
            />
            <Route
              path="users/:userId"
              element={
                <Page>
                  <UserDetailPage />
                </Page>
              }
            />
            <Route
              path="audit"
              element={
                <Page>
                  <AuditPage />
                </Page>
              }
            />
            <Route
              path="evaluation"
              element={
                <Page>
                  <EvaluationPage />
                </Page>
              }
            />
          </Route>
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <AppRoutes />
      </AuthProvider>
    </BrowserRouter>
  );
}
