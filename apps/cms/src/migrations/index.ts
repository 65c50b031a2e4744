import * as migration_20261124_082245_initial from './20261124_082245_initial';
import * as migration_20261130_192124_h11_health from './20261130_192124_h11_health';

export const migrations = [
  {
    up: migration_20261124_082245_initial.up,
    down: migration_20261124_082245_initial.down,
    name: '20261124_082245_initial',
  },
  {
    up: migration_20261130_192124_h11_health.up,
    down: migration_20261130_192124_h11_health.down,
    name: '20261130_192124_h11_health'
  },
];
