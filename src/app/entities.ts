import { registerEntities } from '../shared/records/registry-of-entities';
import { REGISTRY_ENTITIES } from '../registry/entities';
import { TRANSFER_ENTITIES } from '../transfer/entities';

// Every domain's described entities, registered once for the generic record routes, imports and exports.
registerEntities(REGISTRY_ENTITIES);
registerEntities(TRANSFER_ENTITIES);
