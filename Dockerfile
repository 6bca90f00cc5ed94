# Multi-stage build: compile with dev dependencies, run with production ones as a non-root user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ormconfig.ts ./
COPY src ./src
COPY migrations ./migrations
COPY schema ./schema
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 4000
# Liveness: /healthz answers while the process serves HTTP (readiness, /readyz, is for load balancers and
# docker-compose.yml). The start period covers waiting for the database (DB_STARTUP_TIMEOUT_MS) and migrations.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD node -e "fetch('http://127.0.0.1:4000/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# node itself is PID 1 and handles SIGTERM: readiness 503, drain (SHUTDOWN_TIMEOUT_MS), close the database, exit 0.
# Give it longer than SHUTDOWN_TIMEOUT_MS before SIGKILL (docker stop -t 15, stop_grace_period in compose).
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=64", "dist/src/index.js"]
