/** The states in which an EC2 instance still exists and costs (EC2 API reference, InstanceStateName): what teardown and the sweep look for. */
export const LIVE_INSTANCE_STATES = ['pending', 'running', 'stopping', 'stopped'];
