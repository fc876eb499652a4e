// After npm install: the SQLite driver compiled for the project's Node, then both Prisma clients.
import "./install/build-sqlite";
import "./db/generate";
