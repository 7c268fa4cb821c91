# Image used by docker-compose.yml: one build serves api, worker and web.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm ci --no-audit --no-fund && npm run build && npm run build -w apps/web
EXPOSE 8000 3000
