/**
 * Every entity of the service, listed once so the API, the workers, the CLI and the tests
 * discover the same metadata (no glob discovery: it behaves differently under Jest and in dist/).
 */
import { OutboxMessage } from '../outbox/outbox-message.entity';

export const ENTITIES = [OutboxMessage];
