import type { ReactNode } from 'react';
import type { Me } from './api/types';
import { matchPath } from './lib/router';
import { NotFoundPage } from './pages/common/NotFoundPage';
import { UserHomePage } from './pages/common/UserHomePage';
import { DlaAccountsPage } from './pages/dla/DlaAccountsPage';
import { ImportLaosPage } from './pages/dla/ImportLaosPage';
import { HelpdeskPage } from './pages/helpdesk/HelpdeskPage';
import { NationalReadinessPage } from './pages/dla/NationalReadinessPage';
import { OfficersPage } from './pages/dla/OfficersPage';
import { DivisionsPage } from './pages/lao/DivisionsPage';
import { LaoDetailsPage } from './pages/lao/LaoDetailsPage';
import { LaoHomePage } from './pages/lao/LaoHomePage';
import { NoPowersPage } from './pages/lao/NoPowersPage';
import { OrderCreatePage } from './pages/lao/OrderCreatePage';
import { OrderDetailPage } from './pages/lao/OrderDetailPage';
import { OrderEditPage } from './pages/lao/OrderEditPage';
import { OrdersPage } from './pages/lao/OrdersPage';
import { ServicesPage } from './pages/lao/ServicesPage';
import { StaffPage } from './pages/lao/StaffPage';
import { LaosPage } from './pages/officer/LaosPage';
import { ProvinceReadinessPage } from './pages/officer/ProvinceReadinessPage';
import { ReviewPage } from './pages/officer/ReviewPage';
import { ReviewQueuePage } from './pages/officer/ReviewQueuePage';

type Route = [pattern: string, render: (params: Record<string, string>) => ReactNode];

function laoAdminRoutes(me: Me): Route[] {
  const code = me.laoCode ?? '';
  // Every grant revoked or superseded: no admin powers, one clear page.
  if (me.grantState === null) return [['/', () => <NoPowersPage me={me} />]];
  return [
    ['/', () => <LaoHomePage me={me} />],
    ['/lao/details', () => <LaoDetailsPage laoCode={code} />],
    ['/lao/divisions', () => <DivisionsPage laoCode={code} />],
    ['/lao/services', () => <ServicesPage laoCode={code} />],
    ['/staff', () => <StaffPage laoCode={code} />],
    ['/orders', () => <OrdersPage laoCode={code} />],
    ['/orders/new', () => <OrderCreatePage laoCode={code} />],
    ['/orders/:id', (p) => <OrderDetailPage id={p.id} />],
    ['/orders/:id/edit', (p) => <OrderEditPage id={p.id} laoCode={code} />],
  ];
}

function officerRoutes(me: Me): Route[] {
  return [
    ['/', () => <ReviewQueuePage me={me} />],
    ['/review-queue', () => <ReviewQueuePage me={me} />],
    ['/orders/:id', (p) => <ReviewPage id={p.id} />],
    ['/readiness', () => <ProvinceReadinessPage me={me} />],
    ['/laos', () => <LaosPage me={me} />],
  ];
}

function dlaRoutes(me: Me): Route[] {
  return [
    ['/', () => <NationalReadinessPage />],
    ['/readiness', () => <NationalReadinessPage />],
    ['/import', () => <ImportLaosPage />],
    ['/officers', () => <OfficersPage />],
    ['/dla-accounts', () => <DlaAccountsPage />],
    ['/laos', () => <LaosPage me={me} />],
    ['/orders/:id', (p) => <ReviewPage id={p.id} />],
  ];
}

/** The helpdesk finds LAOs, their accounts and officers, and sends links; nothing else. */
function helpdeskRoutes(): Route[] {
  return [
    ['/', () => <HelpdeskPage />],
    ['/officers', () => <OfficersPage />],
  ];
}

/** The page for a path, by role (the same path may mean a different page to another role). */
export function routeFor(me: Me, pathname: string): ReactNode {
  const routes =
    me.role === 'lao_admin'
      ? laoAdminRoutes(me)
      : me.role === 'province_officer'
        ? officerRoutes(me)
        : me.role === 'dla_admin'
          ? dlaRoutes(me)
          : me.role === 'dla_helpdesk'
            ? helpdeskRoutes()
            : [['/', () => <UserHomePage me={me} />] as Route];
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const [pattern, render] of routes) {
    const params = matchPath(pattern, path);
    if (params) return render(params);
  }
  return <NotFoundPage />;
}
