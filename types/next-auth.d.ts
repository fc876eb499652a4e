import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    memberId?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    memberId?: string;
  }
}
