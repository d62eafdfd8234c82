# dana-mock as a service: a TEST-ONLY DANA sandbox for CI and shared test hosts
# (docs/running-as-a-service.md). Build from a clone: docker build -t dana-mock .
FROM node:20-slim AS build
WORKDIR /src
COPY . .
RUN npm ci --ignore-scripts && npm run build

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json LICENSE README.md ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force && mkdir -p /data && chown node:node /data
COPY --from=build /src/dist ./dist
COPY console ./console
COPY keys ./keys
COPY schemas ./schemas
COPY scenarios ./scenarios
USER node
# 4510, not Prism's 4010. Every option is also DANA_MOCK_<OPTION> (docs/configuration.md).
ENV PORT=4510 DANA_MOCK_DATA=/data/dana-mock.json
EXPOSE 4510
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/__admin/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Every interface, so other containers reach it; name their hosts for /__admin with
# DANA_MOCK_ALLOWED_HOSTS (e.g. dana-mock), or the control plane refuses them (403).
CMD ["node", "dist/server/bin.cjs", "--host", "0.0.0.0"]
