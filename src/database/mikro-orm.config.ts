import { loadConfig } from '../config/load-config';
import { createOrmOptions } from './orm-options';

/** Used by the `mikro-orm` CLI (migration:create / migration:check) from dist/. */
export default createOrmOptions(loadConfig().databaseUrl, { preferTs: false });
