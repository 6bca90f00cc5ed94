/** Tests run against real databases: SQLite always, MySQL/MariaDB when TEST_MYSQL_URL is set. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/bench/'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
};
