import * as migration_20261124_082245_initial from './20261124_082245_initial';
import * as migration_20261130_201935_h10_perf from './20261130_201935_h10_perf';

export const migrations = [
  {
    up: migration_20261124_082245_initial.up,
    down: migration_20261124_082245_initial.down,
    name: '20261124_082245_initial',
  },
  {
    up: migration_20261130_201935_h10_perf.up,
    down: migration_20261130_201935_h10_perf.down,
    name: '20261130_201935_h10_perf'
  },
];
