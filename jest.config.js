/** Tests run against real databases: SQLite always, MySQL/MariaDB when TEST_MYSQL_URL is set. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/bench/'],
  setupFiles: ['reflect-metadata'],
  // compiles dist/ once: the operations tests run the service as a real process
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  testTimeout: 60000,
};
