import { producerQueueProvider, QUEUES } from '@oris/api/platform';
import { describeError } from './delivery-policy';

/** The email queue as producers see it: fails fast while Redis is down; the sweeper catches up. */
export const emailQueueProvider = producerQueueProvider(QUEUES.email, 'Email queue', describeError);
