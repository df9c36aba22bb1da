/** The states in which an EC2 instance still exists and costs (EC2 API reference, InstanceStateName): what teardown and the sweep look for. */
export const LIVE_INSTANCE_STATES = ['pending', 'running', 'stopping', 'stopped'];

/** An Elastic Beanstalk environment not yet on its way out (Terminating or Terminated): one a teardown or a sweep still has to end. */
export const isLiveEnvironment = (e: { Status?: string }): boolean => e.Status !== 'Terminated' && e.Status !== 'Terminating';
