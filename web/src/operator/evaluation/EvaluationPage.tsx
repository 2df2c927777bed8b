import { getEvaluation, getStats } from "../../api/operator";
import { useQuery } from "../../api/useQuery";
import { QueryView } from "../../components/QueryView";
import { FairnessTable } from "./FairnessTable";
import { MetricsTable } from "./MetricsTable";
import { Overview } from "./Overview";

export default function EvaluationPage() {
  const evaluation = useQuery(getEvaluation, "evaluation");
  const stats = useQuery(getStats, "stats");
  return (
    <>
      <div className="page-title">
        <h1>Evaluation</h1>
        <p>From the latest `spendsense eval` run, and live counts from the store.</p>
      </div>
      <QueryView query={stats} label="the overview">
        {(s) => <Overview stats={s} />}
      </QueryView>
      <QueryView query={evaluation} label="the evaluation">
        {(e) => (
          <>
            <div className="panel">
              <div className="panel-header">
                <h2>Metrics against targets</h2>
                <span className="subtle">
                  As of {e.as_of ?? "n/a"}: {e.users_evaluated} consenting of {e.users_total} customers
                </span>
              </div>
              <MetricsTable metrics={e.metrics ?? {}} />
            </div>
            <div className="panel">
              <h2>Fairness: the four-fifths rule</h2>
              <p className="subtle">
                For each group attribute and outcome: the lowest group&apos;s rate divided by the highest&apos;s. Under
                0.8 is flagged for review. Personas describe behaviour, which differs between groups, so a flagged
                persona ratio is expected; offers are where unequal treatment would matter.
              </p>
              <FairnessTable rows={e.fairness ?? []} />
            </div>
          </>
        )}
      </QueryView>
    </>
  );
}
