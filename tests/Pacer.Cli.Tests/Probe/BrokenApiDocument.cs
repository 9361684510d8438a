namespace Pacer.Cli.Tests.Probe;

/// <summary>The OpenAPI document of <see cref="BrokenApi"/>: it describes a correct API; the server breaks it in one place per kind.</summary>
internal static class BrokenApiDocument
{
    public const string Json = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Notes (deliberately broken)", "version": "1" },
          "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer", "bearerFormat": "JWT" } },
            "schemas": {
              "NewNote": {
                "type": "object",
                "additionalProperties": false,
                "required": ["text"],
                "properties": {
                  "text": { "type": "string", "minLength": 1, "maxLength": 200 },
                  "priority": { "type": "integer", "minimum": 1, "maximum": 5 }
                }
              },
              "Note": {
                "type": "object",
                "required": ["id", "text", "priority"],
                "properties": { "id": { "type": "integer" }, "text": { "type": "string" }, "priority": { "type": "integer" } }
              }
            }
          },
          "paths": {
            "/login": {
              "post": {
                "x-ratelimit-limit": 5,
                "requestBody": { "required": true, "content": { "application/json": {
                  "schema": {
                    "type": "object",
                    "required": ["username", "password"],
                    "properties": {
                      "username": { "type": "string", "minLength": 1, "maxLength": 50 },
                      "password": { "type": "string", "minLength": 1, "maxLength": 50 }
                    }
                  },
                  "example": { "username": "alice", "password": "alice-pass" } } } },
                "responses": { "200": { "description": "a token" }, "400": { "description": "bad input" }, "401": { "description": "wrong password" }, "429": { "description": "slow down" } }
              }
            },
            "/notes": {
              "post": {
                "security": [ { "bearer": [] } ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewNote" } } } },
                "responses": { "201": { "description": "created" }, "400": { "description": "bad input" }, "401": { "description": "no token" }, "415": { "description": "not JSON" } }
              }
            },
            "/notes/{id}": {
              "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } } ],
              "get": {
                "security": [ { "bearer": [] } ],
                "responses": { "200": { "description": "the note" }, "401": { "description": "no token" }, "404": { "description": "not yours or not there" } }
              },
              "delete": {
                "security": [ { "bearer": [] } ],
                "responses": { "204": { "description": "deleted" }, "401": { "description": "no token" }, "404": { "description": "not yours or not there" } }
              }
            },
            "/search": {
              "get": {
                "parameters": [ { "name": "q", "in": "query", "required": true, "schema": { "type": "string", "maxLength": 100 } } ],
                "responses": { "200": { "description": "an HTML page of results", "content": { "text/html": {} } }, "400": { "description": "bad query" } }
              }
            }
          }
        }
        """;
}
