import { dashboardApi } from '../../api/review';
import { ReadinessTable } from '../../components/ReadinessTable';
import { Loadable } from '../../components/States';
import { useLoad } from '../../lib/useLoad';

/** The LAOs of one province, loaded when its row is expanded. */
export function ProvinceLaos({ province }: { province: string }) {
  const state = useLoad(() => dashboardApi.readiness({ province, limit: 200 }), [province]);
  return <Loadable state={state}>{(report) => <ReadinessTable items={report.items} />}</Loadable>;
}
