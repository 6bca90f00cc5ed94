import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { Context } from './context';
import { Role } from '../policy/viewer';

@ObjectType('Viewer', { description: 'The signed-in user, as the token says (当前用户)' })
export class ViewerInfo {
  @Field({ description: 'Token subject (用户标识)' })
  sub: string;

  @Field({ description: 'Display name (姓名)' })
  name: string;

  @Field(() => Role, { description: 'Role (角色)' })
  role: Role;

  @Field({ description: 'Jurisdiction: a GB/T 2260 code (辖区代码)' })
  district: string;

  @Field(() => String, { nullable: true, description: 'The X-Access-Purpose of this request (访问事由)' })
  purpose: string | null;
}

@Resolver()
export class ViewerResolver {
  @Query(() => ViewerInfo, { description: 'Who the service thinks you are (当前用户信息)' })
  me(@Ctx() ctx: Context): ViewerInfo {
    return { ...ctx.viewer };
  }
}
