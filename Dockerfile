# syntax=docker/dockerfile:1
# The app image for docker-compose.yml: production build of Next.js + Payload, started by
# scripts/start.mjs (migrations and first-run seed, then scripts/server.mjs: Next.js behind the admission queue).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# The build evaluates the config but never connects to a database or signs a token:
# this placeholder secret is not in the image's runtime environment.
RUN PAYLOAD_SECRET=build-only-placeholder node_modules/.bin/next build

FROM node:20-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 MEDIA_DIR=/app/media TZ=Asia/Shanghai
COPY --from=build --chown=node:node /app ./
RUN mkdir -p /app/media && chown node:node /app/media
USER node
EXPOSE 3000
VOLUME ["/app/media"]
CMD ["node", "scripts/start.mjs"]
