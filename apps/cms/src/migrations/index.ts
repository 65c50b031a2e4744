import * as migration_20261124_082245_initial from './20261124_082245_initial';
import * as migration_20261130_193556_h8_search_book from './20261130_193556_h8_search_book';

export const migrations = [
  {
    up: migration_20261124_082245_initial.up,
    down: migration_20261124_082245_initial.down,
    name: '20261124_082245_initial',
  },
  {
    up: migration_20261130_193556_h8_search_book.up,
    down: migration_20261130_193556_h8_search_book.down,
    name: '20261130_193556_h8_search_book'
  },
];
