import type { ArmInput } from '../control/SandboxControl.js';
import { ok, type AdminRoute } from './adminRoute.js';

/** Scenario packs and the rules armed from them, scoped to the session. */
export const scenarioRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/scenarios',
    query: { endpoint: "Only this endpoint's scenarios (and the shared faults)." },
    summary: 'List every scenario (optionally ?endpoint=<id>): name, endpoint, case or fault, description.',
    handle: ({ query, control }) => ok({ scenarios: control.listScenarios(query.get('endpoint') ?? undefined) }),
  },
  {
    method: 'POST',
    path: '/scenarios/arm',
    bodySchema: 'admin.scenarios.json',
    summary: 'Arm a scenario for matching requests of an endpoint: once, n times, or always.',
    handle: ({ body, control }) => ok({ rule: control.armScenario(body as ArmInput) }, 201),
  },
  {
    method: 'GET',
    path: '/scenarios/armed',
    summary: 'List the armed rules the session sees.',
    handle: ({ control }) => ok({ rules: control.armedScenarios() }),
  },
  {
    method: 'DELETE',
    path: '/scenarios/armed/:id',
    summary: 'Disarm one rule.',
    handle: ({ params, control }) => (control.disarmScenario(params.id), ok({ disarmed: params.id })),
  },
];
