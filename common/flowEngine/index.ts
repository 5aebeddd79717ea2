/** The flow interpreter (issue 16): one pure implementation for the engine process and the in-app simulator. */
export * from './ports';
export { buildProgram, durationMs } from './program';
export type { FlowProgram, ProgramInput } from './program';
export { startRun, stepRun } from './step';
export { idempotencyKey } from './walk';
export { stableDraw, pickArm } from './split';
export { renderTemplate } from './template';
export { evaluateCondition, evaluateRule } from './conditions';
export { triggerMatches, entryTrigger } from './triggers';
export { nextSlot, lastSlot, slotsBetween, lateGraceMs, scheduleZone } from './schedule';
export type { ScheduleConfig } from './schedule';
export type { Intake } from './triggers';
export { simulate, checkSimulation, maxSimulatedCustomers } from './simulate';
export type { SimCustomer, SimulationInput, SimulationOptions } from './simulate';
export type { SimulationReport, NodeFigures } from './simulateReport';
export { generateCustomers, customersFromTable, customersFromEventLog } from './population';
